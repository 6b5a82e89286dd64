using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseTracker.Web.Tests.Infrastructure;

/// <summary>
/// The real app listening on a free Kestrel port on 127.0.0.1, for a browser to reach (the default test server has no
/// socket). Like its base it has its own SQLite file and a settable clock; <paramref name="settings"/> are added to its
/// own (a journey of receipts kept in S3 names the bucket there).
/// </summary>
public sealed class LiveExpenseTrackerFactory : ExpenseTrackerFactory
{
    private readonly KeyValuePair<string, string?>[] extraSettings;

    public LiveExpenseTrackerFactory(params KeyValuePair<string, string?>[] settings)
    {
        extraSettings = settings;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        BaseAddress = new Uri(addresses.Single());
    }

    /// <summary>Where the app listens, such as http://127.0.0.1:40123/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>One app starts per journey: its start-up lines would bury the test output, its warnings would not.</summary>
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Logging:LogLevel:Default", "Warning"), .. extraSettings];
}
