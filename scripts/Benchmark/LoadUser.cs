using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ExpenseTracker.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ExpenseTracker.Benchmark;

/// <summary>
/// Who the load acts as. It says which user id the seeder writes for, what the app process needs to know, and how
/// the load client proves who it is.
/// </summary>
public interface ILoadUser
{
    /// <summary>Settings (configuration keys) the app process needs so that requests act as this user.</summary>
    IReadOnlyDictionary<string, string> AppSettings { get; }

    /// <summary>
    /// Makes the user exist in the fresh store, through the app's own services (<paramref name="services"/> hold the
    /// configured store), before the app starts; returns the user id the seeder writes for.
    /// </summary>
    Task<string> PrepareAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Makes every request of <paramref name="client"/> act as this user; the app is running by now.</summary>
    Task AuthenticateAsync(HttpClient client, CancellationToken cancellationToken);
}

/// <summary>
/// A real account in the fresh store, signed in through the real login form, so that every measured request pays
/// for what a signed-in person's request pays for (cookie, security stamp check). The client keeps the cookie.
/// </summary>
public sealed partial class AccountLoadUser : ILoadUser
{
    private const string Email = "benchmark@example.test";

    // Random per run; it only ever lives in this process and the fresh store.
    private readonly string password = "Bench-" + Guid.NewGuid().ToString("N");

    public IReadOnlyDictionary<string, string> AppSettings { get; } = new Dictionary<string, string>();

    public async Task<string> PrepareAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var account = new UserAccount
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Email = Email,
            NormalizedEmail = Email.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        account.PasswordHash = new PasswordHasher<UserAccount>().HashPassword(account, password);
        var created = await services.GetRequiredService<IAccountStore>().CreateAsync(account, onlyIfNoAccountExists: false, cancellationToken);
        return created == AccountCreation.Created ? account.Id : throw new InvalidOperationException($"Creating the benchmark account answered {created}.");
    }

    public async Task AuthenticateAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var page = await client.GetStringAsync("/account/login", cancellationToken);
        var token = AntiforgeryField().Match(page) is { Success: true } match
            ? match.Groups["token"].Value
            : throw new InvalidOperationException("The login page has no antiforgery field.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = Email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        form.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var response = await client.PostAsync("/account/login", form, cancellationToken);
        // A successful sign-in redirects away from the login page; a refused one shows the form again.
        if ((int)response.StatusCode is not (302 or 303) || response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Signing the benchmark user in answered {(int)response.StatusCode}.");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
