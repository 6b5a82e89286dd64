using System.Diagnostics;

namespace ExpenseTracker.Web.Tests.Deployment;

/// <summary>scripts/deploy.sh cannot deploy here; its options, its checks and its dry run can be tested.</summary>
public class DeployScriptTests
{
    [Fact]
    public async Task HelpSaysWhatADeployNeeds()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("AWS CLI", output);
        Assert.Contains("SAM CLI", output);
        Assert.Contains("credentials", output);
    }

    [Theory]
    [InlineData("unknown option '--bogus'", "--bogus")]
    [InlineData("--stack-name needs a value", "--stack-name")]
    [InlineData("is not an email address", "--alert-email", "not-an-address")]
    [InlineData("may hold only letters, digits, dots and dashes", "--asset-version", "v1/../x")]
    [InlineData("must start with a letter", "--stack-name", "1-stack")]
    public async Task BadOptionsAreRefusedWithAReasonBeforeAnythingRuns(string reason, params string[] arguments)
    {
        var (exitCode, output, error) = await RunAsync(arguments);

        Assert.Equal(2, exitCode);
        Assert.Contains(reason, error);
        Assert.DoesNotContain("==>", output);
    }

    [Fact]
    public async Task ADryRunBuildsTheTemplatesZipAndUploadsTheAssetsUnderThePrefixThePagesLinkTo()
    {
        var template = CloudFormationTemplate.Load();
        var baseUrl = template.Environment("WebFunction", new Dictionary<string, string> { ["AssetVersion"] = "20261115T063000-abc" })["StaticAssets__BaseUrl"];

        var (exitCode, output, error) = await RunAsync("--dry-run", "--stack-name", "my-expenses", "--asset-version", "20261115T063000-abc");

        Assert.True(exitCode == 0, error);
        Assert.Contains("dotnet publish ExpenseTracker.Web/ExpenseTracker.Web.csproj --configuration Release --runtime linux-x64", output);
        Assert.Contains(template.Properties("WebFunction").Text("CodeUri"), output);
        Assert.Contains($"aws s3 sync wwwroot-static s3://dry-run-asset-bucket{baseUrl}/", output);
        Assert.Contains("sam deploy", output);
        Assert.Contains("--stack-name my-expenses", output);
        Assert.Contains("AssetVersion=20261115T063000-abc", output);
        Assert.Contains("confirm", output);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Repository.PathOf("scripts", "deploy.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
