-- Activity by source IP
-- Each source address: calls, errors, distinct principals and APIs, first and last seen.
SELECT sourceIPAddress, count(*) AS calls, count_if(errorCode IS NOT NULL) AS errors,
       count(DISTINCT userIdentity.arn) AS principals, count(DISTINCT eventName) AS apis,
       min(eventTime) AS first, max(eventTime) AS last
FROM cloudtrail_logs
GROUP BY sourceIPAddress
ORDER BY calls DESC
LIMIT 200
