-- Who deleted or terminated what, in a time window
-- Successful Delete*, Terminate*, Remove*, Disable* and StopLogging calls between two times (edit the window).
SELECT eventTime, eventName, userIdentity.arn, sourceIPAddress, awsRegion, resources, requestParameters, eventID
FROM cloudtrail_logs
WHERE (eventName LIKE 'Delete%' OR eventName LIKE 'Terminate%' OR eventName LIKE 'Remove%'
       OR eventName LIKE 'Disable%' OR eventName = 'StopLogging')
  AND errorCode IS NULL
  AND eventTime BETWEEN '2026-02-21 00:00:00' AND '2026-02-22 23:59:59'
ORDER BY eventTime DESC
LIMIT 1000
