-- Access denied, by principal
-- Who is being refused, how often and for which calls: probing with stolen credentials shows up here.
SELECT userIdentity.arn, errorCode, count(*) AS denied, count(DISTINCT eventName) AS apis,
       array_join(array_agg(DISTINCT eventName), ', ') AS calls, min(eventTime) AS first, max(eventTime) AS last
FROM cloudtrail_logs
WHERE errorCode IN ('AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'Client.UnauthorizedOperation',
                    'UnauthorizedAccess')
GROUP BY userIdentity.arn, errorCode
ORDER BY denied DESC
