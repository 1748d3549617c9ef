-- All activity of an access key
-- Everything done with one access key ID, oldest first (edit the key): sources, regions, errors and user agents.
SELECT eventTime, eventSource, eventName, awsRegion, sourceIPAddress, errorCode, userAgent, eventID
FROM cloudtrail_logs
WHERE userIdentity.accessKeyId = 'AKIAEXAMPLELEAKED001'
ORDER BY eventTime
