-- Security groups opened to 0.0.0.0/0
-- Ingress or egress rules that allow any IPv4 or IPv6 address.
SELECT eventTime, eventName, userIdentity.arn, requestParameters.groupId,
       requestParameters.ipPermissions.items[1].ipProtocol AS protocol,
       requestParameters.ipPermissions.items[1].fromPort AS fromPort,
       requestParameters.ipPermissions.items[1].toPort AS toPort, awsRegion, sourceIPAddress, eventID
FROM cloudtrail_logs
WHERE eventName IN ('AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'ModifySecurityGroupRules')
  AND (json_format(requestParameters) LIKE '%0.0.0.0/0%' OR json_format(requestParameters) LIKE '%::/0%')
ORDER BY eventTime
