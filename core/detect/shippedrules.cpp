#include "shippedrules.h"

#include <array>

namespace Trailscope::Core::Detect {

namespace {

struct ShippedRule
{
    RuleSource source;
    const char* id;
    const char* title;
    const char* level;
    int threshold;
    int windowMinutes;
    const char* tags; // space-separated; the ATT&CK ones as SigmaHQ tags its rule for the same activity
    const char* pattern;
    const char* description;
};

// The CIS patterns are copied verbatim from Security Hub's CloudWatch controls ("This control fails if the exact
// metric filters prescribed by CIS are not used"); their alarms are `>= 1` per 5-minute period.
constexpr std::array Table{
    ShippedRule{RuleSource::Cis, "CloudWatch.1", "Root user usage", "high", 1, 5,
                "cis.1.7 cis.4.3 attack.privilege-escalation attack.initial-access attack.persistence attack.stealth "
                "attack.t1078.004",
                "{$.userIdentity.type=\"Root\" && $.userIdentity.invokedBy NOT EXISTS && "
                "$.eventType !=\"AwsServiceEvent\"}",
                "The root user made a request itself (not a service on its behalf)."},
    ShippedRule{RuleSource::Cis, "CloudWatch.2", "Unauthorized API calls", "medium", 1, 5, "cis.4.1",
                "{($.errorCode=\"*UnauthorizedOperation\") || ($.errorCode=\"AccessDenied*\")}",
                "A request was refused for lack of permission."},
    ShippedRule{
        RuleSource::Cis, "CloudWatch.3", "Console sign-in without MFA", "medium", 1, 5,
        "cis.4.2 attack.initial-access attack.persistence attack.privilege-escalation attack.stealth attack.t1078.004",
        "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") && "
        "($.userIdentity.type = \"IAMUser\") && ($.responseElements.ConsoleLogin = \"Success\") }",
        "An IAM user signed in to the console without MFA."},
    ShippedRule{RuleSource::Cis, "CloudWatch.4", "IAM policy changes", "medium", 1, 5,
                "cis.4.4 attack.persistence attack.privilege-escalation attack.t1098",
                "{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || "
                "($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || "
                "($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || "
                "($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || "
                "($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || "
                "($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || "
                "($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}",
                "An IAM policy was created, changed, attached, detached or deleted."},
    ShippedRule{RuleSource::Cis, "CloudWatch.5", "CloudTrail configuration changes", "high", 1, 5,
                "cis.4.5 attack.defense-impairment attack.t1685.002",
                "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || "
                "($.eventName=StartLogging) || ($.eventName=StopLogging)}",
                "A trail was created, changed or deleted, or its logging started or stopped."},
    ShippedRule{RuleSource::Cis, "CloudWatch.6", "Console authentication failures", "medium", 1, 5,
                "cis.4.6 attack.credential-access attack.t1110",
                "{($.eventName=ConsoleLogin) && ($.errorMessage=\"Failed authentication\")}",
                "A console sign-in failed authentication."},
    ShippedRule{RuleSource::Cis, "CloudWatch.7", "Customer managed key disabled or scheduled for deletion", "high", 1,
                5, "cis.4.7",
                "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || "
                "($.eventName=ScheduleKeyDeletion))}",
                "A KMS key was disabled or scheduled for deletion."},
    ShippedRule{RuleSource::Cis, "CloudWatch.8", "S3 bucket policy changes", "medium", 1, 5, "cis.4.8",
                "{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) "
                "|| ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || "
                "($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || "
                "($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || "
                "($.eventName=DeleteBucketReplication))}",
                "A bucket's ACL, policy, CORS, lifecycle or replication was changed."},
    ShippedRule{RuleSource::Cis, "CloudWatch.9", "AWS Config configuration changes", "medium", 1, 5,
                "cis.4.9 attack.defense-impairment attack.t1685.002",
                "{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || "
                "($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || "
                "($.eventName=PutConfigurationRecorder))}",
                "An AWS Config recorder or delivery channel was changed or stopped."},
    ShippedRule{RuleSource::Cis, "CloudWatch.10", "Security group changes", "medium", 1, 5, "cis.4.10",
                "{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || "
                "($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || "
                "($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}",
                "A security group or its rules changed."},
    ShippedRule{RuleSource::Cis, "CloudWatch.11", "Network ACL changes", "medium", 1, 5,
                "cis.4.11 attack.defense-impairment attack.t1686.001",
                "{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || "
                "($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || "
                "($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}",
                "A network ACL or its entries changed."},
    ShippedRule{RuleSource::Cis, "CloudWatch.12", "Network gateway changes", "medium", 1, 5, "cis.4.12",
                "{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || "
                "($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || "
                "($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}",
                "A customer or internet gateway was created, attached, detached or deleted."},
    ShippedRule{RuleSource::Cis, "CloudWatch.13", "Route table changes", "medium", 1, 5,
                "cis.4.13 attack.defense-impairment attack.t1686.001",
                "{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || "
                "($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || "
                "($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}",
                "A route or route table changed."},
    ShippedRule{RuleSource::Cis, "CloudWatch.14", "VPC changes", "medium", 1, 5, "cis.4.14",
                "{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || "
                "($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || "
                "($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || "
                "($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || "
                "($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}",
                "A VPC, its attributes, peering or ClassicLink changed."},
    ShippedRule{RuleSource::Cis, "CIS.4.15", "AWS Organizations changes", "medium", 1, 5, "cis.4.15",
                "{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = \"AcceptHandshake\") || "
                "($.eventName = \"AttachPolicy\") || ($.eventName = \"CreateAccount\") || "
                "($.eventName = \"CreateOrganizationalUnit\") || ($.eventName = \"CreatePolicy\") || "
                "($.eventName = \"DeclineHandshake\") || ($.eventName = \"DeleteOrganization\") || "
                "($.eventName = \"DeleteOrganizationalUnit\") || ($.eventName = \"DeletePolicy\") || "
                "($.eventName = \"DetachPolicy\") || ($.eventName = \"DisablePolicyType\") || "
                "($.eventName = \"EnablePolicyType\") || ($.eventName = \"InviteAccountToOrganization\") || "
                "($.eventName = \"LeaveOrganization\") || ($.eventName = \"MoveAccount\") || "
                "($.eventName = \"RemoveAccountFromOrganization\") || ($.eventName = \"UpdatePolicy\") || "
                "($.eventName = \"UpdateOrganizationalUnit\")) }",
                "The organization, its accounts, units, handshakes or policies changed."},
    // Trailscope's own: bursts the CIS alarms count one by one, and tampering worth a high severity alone.
    ShippedRule{RuleSource::Trailscope, "trailscope.unauthorized-burst", "Burst of unauthorized API calls", "high", 10,
                5, "attack.discovery", "{($.errorCode=\"*UnauthorizedOperation\") || ($.errorCode=\"AccessDenied*\")}",
                "Ten or more refused requests within a 5-minute period: enumeration with stolen credentials."},
    ShippedRule{RuleSource::Trailscope, "trailscope.console-brute-force", "Repeated console authentication failures",
                "high", 5, 5, "attack.credential-access attack.t1110",
                "{($.eventName=ConsoleLogin) && ($.errorMessage=\"Failed authentication\")}",
                "Five or more failed console sign-ins within a 5-minute period."},
    ShippedRule{RuleSource::Trailscope, "trailscope.logging-stopped", "CloudTrail logging stopped or trail deleted",
                "critical", 1, 5, "attack.defense-impairment attack.t1685.002",
                "{ ($.eventSource = cloudtrail.amazonaws.com) && (($.eventName = StopLogging) || "
                "($.eventName = DeleteTrail)) && $.errorCode NOT EXISTS }",
                "A trail stopped recording: what follows may be missing from the case."},
    ShippedRule{RuleSource::Trailscope, "trailscope.root-access-key", "Access key created for the root user",
                "critical", 1, 5, "attack.persistence attack.t1098.001",
                "{ ($.userIdentity.type = \"Root\") && ($.eventName = \"CreateAccessKey\") && "
                "($.requestParameters.userName NOT EXISTS) }",
                "The root user created an access key for itself."},
    ShippedRule{RuleSource::Trailscope, "trailscope.guardduty-disabled", "GuardDuty detector deleted or suspended",
                "high", 1, 5, "attack.defense-impairment attack.t1685 attack.t1685.002",
                "{ ($.eventSource = guardduty.amazonaws.com) && (($.eventName = DeleteDetector) || "
                "(($.eventName = UpdateDetector) && ($.requestParameters.enable IS FALSE))) }",
                "Threat detection was turned off in a region."},
};

} // namespace

const std::vector<MetricFilterRule>& shippedRules()
{
    static const std::vector<MetricFilterRule> rules = [] {
        std::vector<MetricFilterRule> list;
        for (const ShippedRule& row : Table) {
            MetricFilterRule rule;
            rule.info.id = QString::fromLatin1(row.id);
            rule.info.title = QString::fromLatin1(row.title);
            rule.info.level = QString::fromLatin1(row.level);
            rule.info.description = QString::fromLatin1(row.description);
            rule.info.author = row.source == RuleSource::Cis ? QStringLiteral("CIS AWS Foundations Benchmark")
                                                             : QStringLiteral("Trailscope");
            rule.info.tags = QString::fromLatin1(row.tags).split(u' ', Qt::SkipEmptyParts);
            rule.info.source = row.source;
            rule.pattern = QString::fromLatin1(row.pattern);
            rule.threshold = row.threshold;
            rule.windowMinutes = row.windowMinutes;
            list.push_back(std::move(rule));
        }
        return list;
    }();
    return rules;
}

} // namespace Trailscope::Core::Detect
