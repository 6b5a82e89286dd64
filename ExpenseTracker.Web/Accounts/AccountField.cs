namespace ExpenseTracker.Web.Accounts;

/// <summary>
/// One labelled input of an account form, bound to <c>Input.{Name}</c>. Password fields never echo a value back.
/// </summary>
public sealed record AccountField(string Name, string Label, string Type, string Autocomplete, string? Value = null, string? Hint = null)
{
    public string Id => $"account-{Name.ToLowerInvariant()}";
}
