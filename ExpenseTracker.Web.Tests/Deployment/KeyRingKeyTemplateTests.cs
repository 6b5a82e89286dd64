using ExpenseTracker.Web.DataProtection.Kms;
using ExpenseTracker.Web.Tests.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExpenseTracker.Web.Tests.Deployment;

/// <summary>
/// The KMS key of the key ring in template.yaml, held to what the app does: the calls the cipher makes on the wire
/// are exactly what the function may do with the key, on that key only, and nobody else may use it.
/// </summary>
public sealed class KeyRingKeyTemplateTests
{
    private const string Key = "KeyRingKey";

    private readonly CloudFormationTemplate template = CloudFormationTemplate.Load();

    [Fact]
    public async Task TheFunctionsRoleMayMakeExactlyTheKmsCallsTheCipherMakesOnTheKeyRingKeyOnly()
    {
        var kms = new KmsOnTheWire();
        var cipher = Cipher(kms);
        var (ciphertext, keyId) = await cipher.EncryptAsync("<masterKey />"u8.ToArray());
        await cipher.DecryptAsync(ciphertext, keyId);
        var used = kms.Calls.Select(call => "kms:" + call.Operation).ToHashSet();

        var (_, statement) = Assert.Single(template.PolicyStatements(), entry =>
            entry.Statement["Action"].OneOrMany().Cast<string>().Any(action => action.StartsWith("kms:", StringComparison.Ordinal))
            && entry.Resource != Key);

        Assert.Equal(used.Order(), statement["Action"].OneOrMany().Cast<string>().Order());
        Assert.Equal([(Key, "Arn")], CloudFormationTemplate.References(statement["Resource"]));
        Assert.Equal("AWS::KMS::Key", template.TypeOf(Key));
    }

    [Fact]
    public void TheKeyPolicyLetsOnlyTheFunctionsRoleUseTheKeyAndTheAccountOnlyAdministerIt()
    {
        var statements = template.Properties(Key).Map("KeyPolicy").Items("Statement").Select(statement => statement.Map()).ToList();
        var actions = statements.SelectMany(statement => statement["Action"].OneOrMany().Cast<string>()).ToList();

        var use = Assert.Single(statements, statement => statement["Action"].OneOrMany().Contains("kms:Decrypt"));
        Assert.Equal(["kms:Decrypt", "kms:Encrypt"], use["Action"].OneOrMany().Cast<string>().Order());
        Assert.Equal([("WebFunctionRole", "Arn")], CloudFormationTemplate.References(use.Map("Principal")["AWS"]));
        Assert.DoesNotContain(actions, action => action.Contains('*', StringComparison.Ordinal));
        Assert.Single(actions, action => action is "kms:Encrypt");
        Assert.DoesNotContain(actions, action => action is "kms:ReEncryptFrom" or "kms:ReEncryptTo" or "kms:GenerateDataKey" or "kms:CreateGrant");
        Assert.Equal("true", template.Properties(Key)["EnableKeyRotation"]?.ToString()?.ToLowerInvariant());
    }

    [Fact]
    public void TheFunctionEncryptsTheKeyRingWithThatKeyAndStartsOnlyOnceItMay()
    {
        var environment = template.Environment("WebFunction");

        Assert.Equal("${KeyRingKey.Arn}", environment["DataProtection__Kms__KeyId"]);
        Assert.Equal("WebFunctionKeyRingPolicy", template.Resources.Map("WebFunction")["DependsOn"]);
        Assert.Equal([("WebFunctionRole", null)], template.Properties("WebFunctionKeyRingPolicy").Items("Roles").SelectMany(CloudFormationTemplate.References));
    }

    private static KmsKeyRingCipher Cipher(KmsOnTheWire kms) => new(
        KmsClient.Create(new KeyRingKmsOptions { ServiceUrl = "http://127.0.0.1:9" }, config => config.HttpClientFactory = kms),
        Microsoft.Extensions.Options.Options.Create(new KeyRingKmsOptions { KeyId = KmsOnTheWire.KeyArn }),
        NullLogger<KmsKeyRingCipher>.Instance);
}
