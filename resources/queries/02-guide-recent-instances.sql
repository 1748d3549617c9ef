-- Instances launched after a time (guide query)
-- RunInstances after a moment, with who, from where and the request: CloudTrail Lake's own example, verbatim.
SELECT eventTime, userIdentity.arn, sourceIPAddress, requestParameters FROM cloudtrail_logs WHERE eventName =
'RunInstances' AND eventTime > '2026-02-21 23:00:00' ORDER BY eventTime DESC LIMIT 100;
