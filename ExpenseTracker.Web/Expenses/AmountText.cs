namespace ExpenseTracker.Web.Expenses;

/// <summary>Why typed text is not an amount of money the app can take.</summary>
public enum AmountProblem
{
    None,
    Missing,
    NotANumber,
    Negative,
    Zero,
    TooManyDecimals,
    TooLarge,
}

/// <summary>
/// An amount as a person types it, read into <see cref="Money"/> with the exact reason when it cannot be: every
/// amount of the app (an expense, a budget) is checked here, so each gets the same precise messages.
/// </summary>
public static class AmountText
{
    /// <summary>More rupee digits than this is beyond any amount we take (₹1 crore has 8), whatever the limit.</summary>
    private const int MaxWholeDigits = 12;

    /// <summary>
    /// Reads "1234.5", "1,234.50", "₹ 12,34,567" (culture-independent on purpose: a server's locale must not change
    /// what an amount means), or says what is wrong: no exponent, at most two decimals, more than zero, at most
    /// <paramref name="max"/>.
    /// </summary>
    public static AmountProblem Read(string? text, Money max, out Money money)
    {
        money = Money.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return AmountProblem.Missing;
        }

        return text.Contains('+', StringComparison.Ordinal) ? ReadSum(text, max, out money) : ReadOne(text, max, out money);
    }

    /// <summary>More terms than a bill has lines is a typo (and keeps a sum far from overflowing).</summary>
    public const int MaxTerms = 20;

    /// <summary>
    /// A simple sum typed as a bill is added up ("120+45.50", "1,200 + 99"): only '+' joins terms, each an amount as
    /// above, so "120-45", "2*3" or "120+" are refused like any amount that cannot be read. The page shows the result
    /// as it is typed (amount-sum.js); the server adds up what it is sent.
    /// </summary>
    private static AmountProblem ReadSum(string text, Money max, out Money money)
    {
        money = Money.Zero;
        var terms = text.Split('+');
        if (terms.Length > MaxTerms)
        {
            return AmountProblem.NotANumber;
        }

        var paise = 0L;
        foreach (var term in terms)
        {
            var part = Money.Zero;
            var problem = string.IsNullOrWhiteSpace(term) ? AmountProblem.NotANumber : ReadOne(term, max, out part);
            if (problem is not (AmountProblem.None or AmountProblem.Zero))
            {
                return problem;
            }

            paise += part.Paise;
        }

        money = new Money(paise);
        return paise == 0 ? AmountProblem.Zero : money > max ? AmountProblem.TooLarge : AmountProblem.None;
    }

    private static AmountProblem ReadOne(string text, Money max, out Money money)
    {
        money = Money.Zero;

        var cleaned = text.Trim().TrimStart('₹').TrimStart();
        // A minus sign, ASCII or typographic, before or after the rupee sign.
        var negative = cleaned.Length > 0 && cleaned[0] is '-' or '−';
        if (negative)
        {
            cleaned = cleaned[1..].TrimStart().TrimStart('₹').TrimStart();
        }

        cleaned = cleaned.Replace(",", "", StringComparison.Ordinal);
        var dot = cleaned.IndexOf('.', StringComparison.Ordinal);
        var whole = (dot < 0 ? cleaned : cleaned[..dot]).TrimStart('0');
        var fraction = dot < 0 ? "" : cleaned[(dot + 1)..];
        if ((dot < 0 ? cleaned : cleaned[..dot]).Length == 0 || (dot >= 0 && fraction.Length == 0)
            || !cleaned.Where(character => character != '.').All(char.IsAsciiDigit) || fraction.Contains('.', StringComparison.Ordinal))
        {
            return AmountProblem.NotANumber;
        }

        var isZero = whole.Length == 0 && fraction.All(digit => digit == '0');
        if (negative && !isZero)
        {
            return AmountProblem.Negative;
        }

        if (fraction.Length > 2)
        {
            return AmountProblem.TooManyDecimals;
        }

        if (whole.Length > MaxWholeDigits)
        {
            return AmountProblem.TooLarge;
        }

        money = new Money((whole.Length == 0 ? 0 : long.Parse(whole, CultureInfo.InvariantCulture) * 100)
            + long.Parse(fraction.PadRight(2, '0'), CultureInfo.InvariantCulture));
        return isZero ? AmountProblem.Zero : money > max ? AmountProblem.TooLarge : AmountProblem.None;
    }

    /// <summary>
    /// The amount typed into <paramref name="field"/>, or null with a message there that says exactly what is wrong.
    /// </summary>
    /// <param name="noun">What the amount is, for the messages: "amount", "budget".</param>
    /// <param name="examples">How to type one: "250 or 1,499.50".</param>
    public static Money? Check(string? text, Money max, string field, Dictionary<string, string[]> errors, string noun, string examples)
    {
        var problem = Read(text, max, out var money);
        var message = problem switch
        {
            AmountProblem.None => null,
            AmountProblem.Missing => $"Enter {(noun.StartsWith('a') ? "an" : "a")} {noun}.",
            AmountProblem.NotANumber => $"Enter the {noun} in rupees, like {examples} (at most two decimals).",
            AmountProblem.Negative => $"The {noun} must be more than ₹0; leave out the minus sign.",
            AmountProblem.Zero => $"The {noun} must be more than ₹0.",
            AmountProblem.TooManyDecimals => $"The {noun} can have at most two decimals (paise), like {examples}.",
            _ => $"The {noun} can be at most {max}.",
        };
        if (message is null)
        {
            return money;
        }

        errors[field] = [message];
        return null;
    }
}
