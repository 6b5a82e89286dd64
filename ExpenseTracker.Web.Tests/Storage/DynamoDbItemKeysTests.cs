using ExpenseTracker.Web.Storage.DynamoDb;

namespace ExpenseTracker.Web.Tests.Storage;

public class DynamoDbItemKeysTests
{
    [Fact]
    public void TheBoundBeforeAnExpenseKeyLetsThroughExactlyTheKeysThatSortBeforeIt()
    {
        var random = new Random(20261122);
        string[] ids =
        [
            .. Enumerable.Range(0, 40).Select(_ => Guid.NewGuid().ToString("N")),
            "0", "9", "a", "z", "A", "Z", "a0", "az", "b", "ba", "b0", "b00", "zz", "ZZZ", new string('f', 64), new string('0', 64),
        ];
        DateOnly[] days = [new(2024, 2, 29), new(2026, 11, 1), new(2026, 11, 10), new(2026, 12, 31)];
        var keys = days.SelectMany(day => ids.Select(id => ItemKeys.ExpenseByDate(day, id))).ToList();

        foreach (var cursor in keys.OrderBy(_ => random.Next()).Take(120))
        {
            var bound = ItemKeys.ExpensesBefore(cursor);
            Assert.All(keys, key => Assert.Equal(
                string.CompareOrdinal(key, cursor) < 0,
                string.CompareOrdinal(key, bound) <= 0));
        }
    }
}
