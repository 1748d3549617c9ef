-- Deleted buckets (guide query)
-- Who deleted S3 buckets this year, newest first: CloudTrail Lake's own example, verbatim.
SELECT eventName, userIdentity.arn, eventTime, awsRegion FROM my_event_data_store WHERE eventName =
'DeleteBucket' AND eventTime > '2026-01-01' ORDER BY eventTime DESC LIMIT 100
