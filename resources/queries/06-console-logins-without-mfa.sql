-- Console sign-ins without MFA
-- ConsoleLogin events where no MFA was used, with the outcome and where they came from.
SELECT eventTime, userIdentity.type, userIdentity.arn, userIdentity.userName, sourceIPAddress,
       responseElements.ConsoleLogin AS outcome, errorMessage, userAgent, eventID
FROM cloudtrail_logs
WHERE eventName = 'ConsoleLogin' AND additionalEventData.MFAUsed = 'No'
ORDER BY eventTime
