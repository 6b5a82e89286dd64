
namespace ExpenseTracker.Web.Accounts;

/// <summary>Whether a new account may be created now, according to Accounts:Registration.</summary>
public sealed class RegistrationPolicy(IAccountStore accounts, IOptions<AccountOptions> options)
{
    public RegistrationMode Mode => options.Value.Registration;

    public async Task<bool> IsOpenAsync(CancellationToken cancellationToken = default) => Mode switch
    {
        RegistrationMode.Open => true,
        RegistrationMode.FirstUserOnly => !await accounts.AnyAsync(cancellationToken),
        _ => false,
    };
}
