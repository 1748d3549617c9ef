-- New IAM users, access keys and policy attachments
-- Persistence: users, keys, login profiles created and policies attached, with the principal that did it.
SELECT eventTime, eventName, userIdentity.arn AS actor, requestParameters.userName AS targetUser,
       requestParameters.roleName AS targetRole, requestParameters.policyArn,
       responseElements.accessKey.accessKeyId AS newAccessKey, sourceIPAddress, errorCode, eventID
FROM cloudtrail_logs
WHERE eventSource = 'iam.amazonaws.com'
  AND eventName IN ('CreateUser', 'CreateAccessKey', 'CreateLoginProfile', 'UpdateLoginProfile', 'AttachUserPolicy',
                    'AttachRolePolicy', 'AttachGroupPolicy', 'PutUserPolicy', 'PutRolePolicy', 'PutGroupPolicy',
                    'AddUserToGroup', 'CreateRole')
ORDER BY eventTime
