using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ExpenseTracker.Web.Tests.Infrastructure;

/// <summary>
/// A real service the tests start as a process of their own (DynamoDB Local, s3rver): on a free loopback port, its
/// output kept for the message when it fails, ready once it answers a request, stopped with its whole process tree.
/// </summary>
public sealed class LocalService : IDisposable
{
    private readonly StringBuilder output = new();
    private readonly Process process;
    private readonly string name;

    private LocalService(Process process, string name)
    {
        this.process = process;
        this.name = name;
        process.OutputDataReceived += (_, line) => Remember(line.Data);
        process.ErrorDataReceived += (_, line) => Remember(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>A port nothing listens on now (the OS's choice), for a service to take.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A file the repository holds after npm ci (an engine's jar, a script), or a failure that says how to get it.</summary>
    public static string RequiredFile(string relativePath, string missing)
    {
        var path = RepositoryRoot.Combine(relativePath);
        return File.Exists(path) ? path : throw new InvalidOperationException($"{missing}: no {path}. Run 'npm ci' in the repository root (scripts/test.sh does).");
    }

    /// <summary>Starts <paramref name="command"/> with <paramref name="arguments"/>; <paramref name="notFound"/> says what to install if it cannot.</summary>
    public static LocalService Start(string name, string command, IEnumerable<string> arguments, string notFound, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return new LocalService(Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start."), name);
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(notFound, exception);
        }
    }

    /// <summary>Asks the service until it answers without one of the <paramref name="notYet"/> failures, or fails after <paramref name="within"/>.</summary>
    public async Task WaitUntilAnsweringAsync(Func<Task> ask, Func<Exception, bool> notYet, TimeSpan within, string url)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with code {process.ExitCode} before answering:\n{Output()}");
            }

            try
            {
                await ask();
                return;
            }
            catch (Exception exception) when (notYet(exception))
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"{name} did not answer on {url} within {within.TotalSeconds:0} s:\n{Output()}", exception);
                }

                await Task.Delay(200);
            }
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
