-- Logging stopped, trails deleted or changed
-- Defense evasion: StopLogging, DeleteTrail, UpdateTrail, event selector changes and their undoing.
SELECT eventTime, eventName, userIdentity.arn, requestParameters.name AS trail, awsRegion, sourceIPAddress, errorCode,
       eventID
FROM cloudtrail_logs
WHERE eventSource = 'cloudtrail.amazonaws.com'
  AND eventName IN ('StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors', 'PutInsightSelectors',
                    'StartLogging', 'DeleteEventDataStore')
ORDER BY eventTime
