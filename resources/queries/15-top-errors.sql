-- Top errors
-- The most frequent error codes and messages, with the APIs and principals that hit them.
SELECT errorCode, errorMessage, count(*) AS events, count(DISTINCT userIdentity.arn) AS principals,
       array_join(array_agg(DISTINCT eventName), ', ') AS apis
FROM cloudtrail_logs
WHERE errorCode IS NOT NULL
GROUP BY errorCode, errorMessage
ORDER BY events DESC
LIMIT 50
