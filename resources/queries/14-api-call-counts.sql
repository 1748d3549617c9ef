-- API call counts by source and name
-- How often each API of each service was called, most frequent first.
SELECT eventSource, eventName, COUNT(*) AS apiCount
FROM cloudtrail_logs
GROUP BY 1, 2
ORDER BY apiCount DESC
