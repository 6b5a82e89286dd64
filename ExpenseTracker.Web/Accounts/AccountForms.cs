using System.ComponentModel.DataAnnotations;

namespace ExpenseTracker.Web.Accounts;

/// <summary>Signing in: an email and a password, as typed.</summary>
public sealed class LoginForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public bool RememberMe { get; set; }

    public Checked<LoginForm> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        AccountRules.Required(Email, nameof(Email), "Enter your email address.", AccountRules.MaxEmailLength, "An email address", errors);
        AccountRules.Required(Password, nameof(Password), "Enter your password.", AccountRules.MaxPasswordLength, "A password", errors);
        return Checked<LoginForm>.Of(() => this, errors);
    }
}

/// <summary>Registering: an email, and a password typed twice.</summary>
public sealed class RegisterForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }

    public Checked<RegisterForm> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (AccountRules.Required(Email, nameof(Email), "Enter your email address.", AccountRules.MaxEmailLength, "An email address", errors)
            && !new EmailAddressAttribute().IsValid(Email))
        {
            errors[nameof(Email)] = ["Enter an email address like name@example.com."];
        }

        AccountRules.Required(Password, nameof(Password), "Choose a password.", AccountRules.MaxPasswordLength, "A password", errors);
        AccountRules.Confirmed(ConfirmPassword, Password, nameof(ConfirmPassword), "Type the password again.", "The two passwords are not the same.", errors);
        return Checked<RegisterForm>.Of(() => this, errors);
    }
}

/// <summary>Changing the password: the current one, and the new one typed twice.</summary>
public sealed class PasswordForm
{
    public string? CurrentPassword { get; set; }

    public string? NewPassword { get; set; }

    public string? ConfirmPassword { get; set; }

    public Checked<PasswordForm> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        AccountRules.Required(CurrentPassword, nameof(CurrentPassword), "Enter your current password.", AccountRules.MaxPasswordLength, "A password", errors);
        AccountRules.Required(NewPassword, nameof(NewPassword), "Choose a new password.", AccountRules.MaxPasswordLength, "A password", errors);
        AccountRules.Confirmed(ConfirmPassword, NewPassword, nameof(ConfirmPassword), "Type the new password again.", "The two new passwords are not the same.", errors);
        return Checked<PasswordForm>.Of(() => this, errors);
    }
}

/// <summary>Deleting the account: the password, which confirms it is really its owner.</summary>
public sealed class DeleteAccountForm
{
    public string? Password { get; set; }

    public Checked<DeleteAccountForm> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        AccountRules.Required(Password, nameof(Password), "Enter your password to confirm.", AccountRules.MaxPasswordLength, "A password", errors);
        return Checked<DeleteAccountForm>.Of(() => this, errors);
    }
}

/// <summary>The rules the account forms share. How strong a new password must be is Identity's to say (its options).</summary>
internal static class AccountRules
{
    public const int MaxEmailLength = 254;
    public const int MaxPasswordLength = 128;

    /// <summary>True when the value is there and not too long; otherwise puts the message for <paramref name="field"/>.</summary>
    /// <param name="kind">"A password": how the message about the length starts.</param>
    public static bool Required(string? value, string field, string whenEmpty, int maxLength, string kind, Dictionary<string, string[]> errors)
    {
        var problem = string.IsNullOrWhiteSpace(value) ? whenEmpty : value.Length > maxLength ? $"{kind} is at most {maxLength} characters." : null;
        if (problem is not null)
        {
            errors[field] = [problem];
        }

        return problem is null;
    }

    /// <summary>The second typing of a password must be there and equal the first.</summary>
    public static void Confirmed(string? again, string? first, string field, string whenEmpty, string whenDifferent, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(again))
        {
            errors[field] = [whenEmpty];
        }
        else if (!string.Equals(again, first, StringComparison.Ordinal))
        {
            errors[field] = [whenDifferent];
        }
    }
}
