using System.Diagnostics;
using System.Net;
using System.Text;

namespace ExpenseTracker.Web.Tests.Deployment;

/// <summary>
/// The app published the way scripts/deploy.sh publishes it for Lambda (Release, linux-x64, framework-dependent,
/// ReadyToRun), once per test run, into a temporary folder with its own build output so the working tree is untouched.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    private readonly string root = Directory.CreateTempSubdirectory("expense-tracker-publish-").FullName;

    public string Folder => Path.Combine(root, "publish");

    public string Executable => Path.Combine(Folder, AppSettings.ExecutableName());

    public async Task InitializeAsync()
    {
        var project = Repository.PathOf("ExpenseTracker.Web", "ExpenseTracker.Web.csproj");
        var (exitCode, output) = await RunAsync("dotnet",
            ["publish", project, "--configuration", "Release", "--runtime", "linux-x64", "--self-contained", "false",
             "--artifacts-path", Path.Combine(root, "build"), "--output", Folder, "-nologo"]);
        Assert.True(exitCode == 0, $"dotnet publish failed:\n{output}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Starts the published executable as the Web Adapter would (or, with <paramref name="throughDotnet"/>, as
    /// <c>dotnet ExpenseTracker.Web.dll</c> in the publish folder), with <paramref name="environment"/> and nothing of
    /// this test host's settings.
    /// </summary>
    public AppProcess Start(IReadOnlyDictionary<string, string> environment, bool throughDotnet = false)
    {
        var start = new ProcessStartInfo(throughDotnet ? "dotnet" : Executable)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (throughDotnet)
        {
            start.ArgumentList.Add(Path.Combine(Folder, "ExpenseTracker.Web.dll"));
        }

        foreach (var inherited in start.Environment.Keys.Where(IsHostSetting).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new AppProcess(Process.Start(start)!);
    }

    /// <summary>Settings the test runner may have set for itself (environment, URLs, MSBuild's), which Lambda would not.</summary>
    private static bool IsHostSetting(string name) =>
        name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
        || name.Contains("__", StringComparison.Ordinal);

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in start.Environment.Keys.Where(IsHostSetting).ToList())
        {
            start.Environment.Remove(inherited);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}

/// <summary>A running copy of the published app; its stdout is kept for the log assertions. Stopped on dispose.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    public AppProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
