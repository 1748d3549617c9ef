-- Root user activity
-- Every call made as the account's root user: it should be rare and explained.
SELECT eventTime, recipientAccountId, eventSource, eventName, sourceIPAddress, errorCode,
       userIdentity.sessionContext.attributes.mfaAuthenticated AS mfa, eventID
FROM cloudtrail_logs
WHERE userIdentity.type = 'Root'
ORDER BY eventTime
