using System.Globalization;
using ExpenseTracker.Web.Expenses;

namespace ExpenseTracker.Web.Tests.Expenses;

public class MoneyTests
{
    [Theory]
    [InlineData(0, "₹0.00")]
    [InlineData(5, "₹0.05")]
    [InlineData(99_999, "₹999.99")]
    [InlineData(100_000, "₹1,000.00")]
    [InlineData(12_345_678, "₹1,23,456.78")]
    [InlineData(1_000_000_000, "₹1,00,00,000.00")]
    [InlineData(123_456_789_012, "₹1,23,45,67,890.12")]
    [InlineData(-12_345_678, "₹-1,23,456.78")]
    public void FormatsRupeesWithIndianDigitGrouping(long paise, string expected) =>
        Assert.Equal(expected, new Money(paise).ToString());

    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("")]
    public void FormattingIgnoresTheMachineCulture(string culture)
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            Assert.Equal("₹1,23,456.78", new Money(12_345_678).ToString());
            Assert.True(Money.TryParse("1,234.50", out var parsed));
            Assert.Equal(123_450, parsed.Value.Paise);
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("250", 25_000)]
    [InlineData("1499.5", 149_950)]
    [InlineData("1,499.50", 149_950)]
    [InlineData("₹ 12,34,567", 123_456_700)]
    [InlineData(" 0.01 ", 1)]
    public void ParsesWhatPeopleType(string text, long paise)
    {
        Assert.True(Money.TryParse(text, out var money));
        Assert.Equal(paise, money.Value.Paise);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12.345")]
    [InlineData("-5")]
    [InlineData("1e5")]
    [InlineData("12.")]
    [InlineData(".5")]
    [InlineData("1 000")]
    [InlineData("9999999999999")]
    public void RefusesAnythingElse(string text) => Assert.False(Money.TryParse(text, out _));
}
