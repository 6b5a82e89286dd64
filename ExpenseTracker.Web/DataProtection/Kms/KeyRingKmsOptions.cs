namespace ExpenseTracker.Web.DataProtection.Kms;

/// <summary>The "DataProtection:Kms" configuration section: the KMS key that encrypts the key ring in AWS.</summary>
public sealed class KeyRingKmsOptions
{
    public const string Section = "DataProtection:Kms";

    /// <summary>The key's ARN (template.yaml sets it). Empty: the key ring is stored as Data Protection writes it.</summary>
    public string KeyId { get; set; } = "";

    /// <summary>The AWS region; empty means the SDK's own lookup (AWS_REGION, set in Lambda).</summary>
    public string Region { get; set; } = "";

    /// <summary>An endpoint other than AWS's; with it and no AWS_ACCESS_KEY_ID, the client signs with dummy credentials.</summary>
    public string ServiceUrl { get; set; } = "";
}
