using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ExpenseTracker.Web.Expenses;

/// <summary>An amount of Indian rupees held exactly as whole paise (1 rupee = 100 paise).</summary>
public readonly record struct Money(long Paise) : IComparable<Money>
{
    /// <summary>The largest single expense we accept: ₹1 crore.</summary>
    public static readonly Money MaxExpense = FromRupees(1_00_00_000);

    public static Money Zero => default;

    public static Money FromRupees(decimal rupees) => new(decimal.ToInt64(decimal.Round(rupees * 100m, 0, MidpointRounding.AwayFromZero)));

    public decimal Rupees => Paise / 100m;

    public static Money operator +(Money a, Money b) => new(checked(a.Paise + b.Paise));

    public static Money operator -(Money a, Money b) => new(checked(a.Paise - b.Paise));

    public static bool operator >(Money a, Money b) => a.Paise > b.Paise;

    public static bool operator <(Money a, Money b) => a.Paise < b.Paise;

    public static bool operator >=(Money a, Money b) => a.Paise >= b.Paise;

    public static bool operator <=(Money a, Money b) => a.Paise <= b.Paise;

    public int CompareTo(Money other) => Paise.CompareTo(other.Paise);

    /// <summary>
    /// Reads what a person types: "1234.5", "1,234.50", "₹ 12,34,567". At most two decimals, no sign, no exponent
    /// (<see cref="AmountText.Read"/> says which rule failed).
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Money? money)
    {
        var problem = AmountText.Read(text, new Money(long.MaxValue), out var amount);
        money = problem is AmountProblem.None or AmountProblem.Zero ? amount : null;
        return money is not null;
    }

    /// <summary>Rupees with Indian digit grouping: ₹1,23,456.78. The one place amounts are formatted for people.</summary>
    public override string ToString() => "₹" + FormatNumber();

    /// <summary>The number alone (1,23,456.78), for inputs and chart labels.</summary>
    public string FormatNumber()
    {
        var negative = Paise < 0;
        var absolute = Math.Abs((decimal)Paise);
        var rupees = decimal.Truncate(absolute / 100m).ToString(CultureInfo.InvariantCulture);
        var paise = ((long)(absolute % 100m)).ToString("00", CultureInfo.InvariantCulture);
        return (negative ? "-" : "") + GroupIndian(rupees) + "." + paise;
    }

    /// <summary>Plain invariant decimal ("123456.78") for form values and JSON.</summary>
    public string ToInvariantString() => Rupees.ToString("0.00", CultureInfo.InvariantCulture);

    // Indian grouping: the last three digits, then groups of two (12,34,56,789).
    private static string GroupIndian(string digits)
    {
        if (digits.Length <= 3)
        {
            return digits;
        }

        var head = digits[..^3];
        var builder = new StringBuilder();
        var firstGroup = head.Length % 2;
        if (firstGroup > 0)
        {
            builder.Append(head, 0, firstGroup).Append(',');
        }

        for (var i = firstGroup; i < head.Length; i += 2)
        {
            builder.Append(head, i, 2).Append(',');
        }

        return builder.Append(digits[^3..]).ToString();
    }
}
