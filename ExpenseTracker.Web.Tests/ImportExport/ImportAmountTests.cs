using ExpenseTracker.Web.ImportExport.Import;

namespace ExpenseTracker.Web.Tests.ImportExport;

public sealed class ImportAmountTests
{
    [Theory]
    [InlineData("1,23,456.78", 1_23_456_78L, false)]
    [InlineData("123,456.78", 1_23_456_78L, false)]
    [InlineData("₹ 250", 250_00L, false)]
    [InlineData("Rs. 1,499.50", 1_499_50L, false)]
    [InlineData("INR 99", 99_00L, false)]
    [InlineData("1,250.00 Dr", 1_250_00L, false)]
    [InlineData("500.00 Cr", 500_00L, true)]
    [InlineData("500.00Cr", 500_00L, true)]
    [InlineData("-250.00", 250_00L, true)]
    [InlineData("(250.00)", 250_00L, true)]
    public void AmountsAreReadAsBanksWriteThem(string text, long paise, bool moneyIn)
    {
        var parsed = ImportAmount.Parse(text);

        Assert.NotNull(parsed);
        Assert.Equal((paise, moneyIn), (parsed.Value.Amount.Paise, parsed.Value.MoneyIn));
    }

    [Theory]
    [InlineData("1e5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1,,000")]
    [InlineData(",500")]
    [InlineData("12.345")]
    [InlineData("abc")]
    [InlineData("")]
    public void WhatIsNotAnAmountIsNotReadAsOne(string text) => Assert.Null(ImportAmount.Parse(text));

    [Theory]
    [InlineData("dd/MM/yyyy", "02/12/2026")]
    [InlineData("dd-MMM-yyyy", "02-Dec-2026")]
    [InlineData("dd/MM/yy", "02/12/26 10:15")]
    [InlineData("yyyy-MM-dd", "2026-12-02")]
    public void DatesAreReadInTheChosenFormat(string format, string text)
    {
        Assert.True(DateFormat.Find(format)!.TryParse(text, out var date));
        Assert.Equal(new DateOnly(2026, 12, 2), date);
    }

    [Fact]
    public void AnAmbiguousDateIsGuessedDayFirstAsIndianBanksWriteIt() =>
        Assert.Equal("dd/MM/yyyy", DateFormat.Guess(["02/12/2026", "13/12/2026"])!.Id);
}
