using System.Net;
using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static ExpenseTracker.Web.Tests.Infrastructure.ExpenseTrackerFactory;

namespace ExpenseTracker.Web.Tests.Accounts;

public class RateLimitTests : IDisposable
{
    private readonly LimitedFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task TheFourthPasswordPostInAMinuteFromOneAddressIs429AndChangesNothing()
    {
        var id = await factory.CreateAccountAsync("asha@example.com");
        var client = factory.ClientFrom("203.0.113.7");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitLoginAsync("asha@example.com", "wrong passphrase")).StatusCode);
        }

        var response = await client.SubmitLoginAsync("asha@example.com", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("Too many attempts from your network", await response.Content.ReadAsStringAsync());
        Assert.InRange(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(3, (await factory.Services.GetRequiredService<IAccountStore>().FindByIdAsync(id))!.AccessFailedCount);
        Assert.False(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task RegisteringSharesTheLimitWhileReadingTheFormsStaysFree()
    {
        var client = factory.ClientFrom("203.0.113.8");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await client.SubmitLoginAsync("nobody@example.com", "wrong passphrase");
        }

        var response = await client.RegisterAsync("new@example.com", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Null(await factory.Services.GetRequiredService<IAccountStore>().FindByNormalizedEmailAsync("NEW@EXAMPLE.COM"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task AnotherAddressHasItsOwnAllowance()
    {
        await factory.CreateAccountAsync("asha@example.com");
        var busy = factory.ClientFrom("203.0.113.9");
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await busy.SubmitLoginAsync("asha@example.com", "wrong passphrase");
        }

        await factory.ClientFrom("198.51.100.20").SignInAsync("asha@example.com", Password);
    }

    /// <summary>Three posts a minute; each client says which address it comes from (the test server has none of its own).</summary>
    private sealed class LimitedFactory : ExpenseTrackerFactory
    {
        private const string AddressHeader = "X-Test-Client-Address";

        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Accounts:RateLimit:PermitLimit", "3"), new("Accounts:RateLimit:Window", "00:01:00")];

        public HttpClient ClientFrom(string address)
        {
            var client = CreateAnonymousClient();
            client.DefaultRequestHeaders.Add(AddressHeader, address);
            return client;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
        }

        private sealed class ClientAddressFromHeader : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, nextMiddleware) =>
                {
                    context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(context.Request.Headers[AddressHeader].ToString());
                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }
}
