-- All activity of a principal
-- Everything done by one user or role, including its assumed-role sessions (edit the name and the role ARN).
SELECT eventTime, userIdentity.arn, eventSource, eventName, awsRegion, sourceIPAddress, errorCode, eventID
FROM cloudtrail_logs
WHERE userIdentity.userName = 'dev-temp-key'
   OR userIdentity.sessionContext.sessionIssuer.arn = 'arn:aws:iam::204816349572:role/CloudOpsAdminRole'
ORDER BY eventTime
