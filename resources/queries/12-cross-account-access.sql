-- Cross-account access
-- Calls made in one account by a principal of another, grouped by the pair of accounts and the role used.
SELECT userIdentity.accountId AS callerAccount, recipientAccountId AS targetAccount,
       userIdentity.sessionContext.sessionIssuer.arn AS role, count(*) AS calls,
       array_join(array_agg(DISTINCT eventName), ', ') AS apis, min(eventTime) AS first, max(eventTime) AS last
FROM cloudtrail_logs
WHERE userIdentity.accountId IS NOT NULL AND userIdentity.accountId <> recipientAccountId
GROUP BY 1, 2, 3
ORDER BY calls DESC
