using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Benchmark;

/// <summary>
/// Plausible expenses, the same ones for the same seed: dates spread over the three years up to today, categories
/// weighted the way household spending is (food most often), amounts from ₹20 to ₹20,000, and up to three tags.
/// </summary>
public sealed class ExpenseGenerator(Random random, DateOnly today, IReadOnlyList<string> customCategoryIds)
{
    /// <summary>The category the filtered-list request filters by; the most frequent one, so every page is full.</summary>
    public const string FilterCategoryId = "food";

    private static readonly (string Id, int Weight)[] BuiltInWeights =
    [
        (FilterCategoryId, 20), ("groceries", 15), ("transport", 12), ("shopping", 8), ("bills", 6), ("rent", 2),
        ("entertainment", 6), ("health", 4), ("education", 2), ("travel", 3), ("other", 4),
    ];

    private static readonly string[] TagPool =
    [
        "work", "family", "weekend", "trip", "gift", "office", "online", "cash", "upi", "card", "monthly", "kids",
        "festival", "diwali", "birthday", "dinner", "lunch", "breakfast", "coffee", "fuel", "metro", "auto", "cab",
        "pharmacy", "gym", "books", "movies", "streaming", "electricity", "water", "internet", "mobile", "repairs",
        "clothes", "shoes", "electronics", "friends", "party", "vacation", "school",
    ];

    private static readonly string[] Merchants =
    [
        "Swiggy", "Zomato", "BigBasket", "DMart", "Uber", "Ola", "Metro card", "Amazon", "Flipkart", "Airtel", "Jio",
        "BESCOM", "Apollo Pharmacy", "PVR", "Cafe Coffee Day", "Chai point", "Local kirana", "Petrol pump", "IRCTC", "MakeMyTrip",
    ];

    private static readonly string[] Notes = ["", "", "weekly", "for home", "with friends", "office", "refill", "monthly plan", "gift", "late night"];

    private readonly (string Id, int Weight)[] weights = [.. BuiltInWeights, .. customCategoryIds.Select(id => (id, 3))];

    private readonly int days = today.DayNumber - today.AddYears(-3).DayNumber;

    public IEnumerable<ExpenseDraft> Take(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Next();
        }
    }

    private ExpenseDraft Next()
    {
        var date = today.AddDays(-random.Next(days));
        // Log-uniform between ₹20 and ₹20,000, in whole 50 paise: many small amounts, a few large ones.
        var rupees = 20 * Math.Exp(random.NextDouble() * Math.Log(1_000));
        var amount = new Money((long)Math.Round(rupees * 2) * 50);
        var description = random.Next(100) < 15 ? "" : $"{Merchants[random.Next(Merchants.Length)]} {Notes[random.Next(Notes.Length)]}".Trim();
        return new ExpenseDraft(date, amount, Category(), description, Tags.Parse(string.Join(",", PickTags())));
    }

    private string Category()
    {
        var pick = random.Next(weights.Sum(weight => weight.Weight));
        foreach (var (id, weight) in weights)
        {
            pick -= weight;
            if (pick < 0)
            {
                return id;
            }
        }

        return weights[^1].Id;
    }

    private IEnumerable<string> PickTags()
    {
        var roll = random.Next(100);
        var count = roll < 40 ? 0 : roll < 75 ? 1 : roll < 95 ? 2 : 3;
        for (var i = 0; i < count; i++)
        {
            yield return TagPool[random.Next(TagPool.Length)];
        }
    }
}
