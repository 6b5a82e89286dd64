using ExpenseTracker.Web.Categories;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.Storage;
using ExpenseTracker.Web.Tests.Infrastructure;
using static ExpenseTracker.Web.Tests.Storage.StoreTestData;

namespace ExpenseTracker.Web.Tests.Categories;

/// <summary>What every <see cref="ICategoryStore"/> must do, with the expense store of the same database beside it.</summary>
public abstract class CategoryStoreContract : IAsyncLifetime
{
    protected ICategoryStore Categories { get; private set; } = null!;

    protected IExpenseStore Expenses { get; private set; } = null!;

    protected string User { get; } = NewUserId();

    public async Task InitializeAsync() => (Categories, Expenses) = await CreateStoresAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<(ICategoryStore Categories, IExpenseStore Expenses)> CreateStoresAsync();

    [Fact]
    public async Task AddedCategoriesAreListedForTheirUserOnly()
    {
        var pets = await Categories.AddAsync(User, "Pets");
        var gifts = await Categories.AddAsync(User, "Gifts");
        await Categories.AddAsync(NewUserId(), "Hobbies");

        var listed = await Categories.ListCustomAsync(User);

        Assert.Equal([gifts, pets], listed);
        Assert.All(listed, category => Assert.False(category.IsBuiltIn));
        Assert.NotEqual(pets.Id, gifts.Id);
    }

    [Fact]
    public async Task ANameIsUniquePerUserIgnoringCase()
    {
        await Categories.AddAsync(User, "Pets");

        await Assert.ThrowsAsync<DuplicateNameException>(() => Categories.AddAsync(User, "PETS"));

        Assert.Single(await Categories.ListCustomAsync(User));
    }

    [Fact]
    public async Task AnotherUserCanUseTheSameName()
    {
        await Categories.AddAsync(User, "Pets");

        var theirs = await Categories.AddAsync(NewUserId(), "pets");

        Assert.Equal("pets", theirs.Name);
    }

    [Fact]
    public async Task ARenameChangesTheNameAndFreesTheOldOne()
    {
        var pets = await Categories.AddAsync(User, "Pets");

        var renamed = await Categories.RenameAsync(User, pets.Id, "Animals");
        var again = await Categories.AddAsync(User, "pets");

        Assert.Equal(new Category(pets.Id, "Animals"), renamed);
        Assert.Equal(["Animals", "pets"], (await Categories.ListCustomAsync(User)).Select(category => category.Name));
        Assert.NotEqual(pets.Id, again.Id);
    }

    [Fact]
    public async Task RenamingToAnotherCategorysNameIsRefusedAndChangesNothing()
    {
        var pets = await Categories.AddAsync(User, "Pets");
        await Categories.AddAsync(User, "Gifts");

        await Assert.ThrowsAsync<DuplicateNameException>(() => Categories.RenameAsync(User, pets.Id, "gifts"));

        Assert.Equal(["Gifts", "Pets"], (await Categories.ListCustomAsync(User)).Select(category => category.Name));
        await Assert.ThrowsAsync<DuplicateNameException>(() => Categories.AddAsync(User, "pets"));
    }

    [Fact]
    public async Task RenamingToTheSameNameInAnotherCaseIsAllowed()
    {
        var pets = await Categories.AddAsync(User, "pets");

        await Categories.RenameAsync(User, pets.Id, "Pets");

        Assert.Equal([new Category(pets.Id, "Pets")], await Categories.ListCustomAsync(User));
        await Assert.ThrowsAsync<DuplicateNameException>(() => Categories.AddAsync(User, "PETS"));
    }

    [Fact]
    public async Task RenamingOrDeletingAMissingOrAnotherUsersCategoryIsNotFound()
    {
        var theirs = await Categories.AddAsync(NewUserId(), "Theirs");

        await Assert.ThrowsAsync<NotFoundException>(() => Categories.RenameAsync(User, "c0000000000000000", "Name"));
        await Assert.ThrowsAsync<NotFoundException>(() => Categories.DeleteAsync(User, "c0000000000000000"));
        await Assert.ThrowsAsync<NotFoundException>(() => Categories.RenameAsync(User, theirs.Id, "Mine now"));
        await Assert.ThrowsAsync<NotFoundException>(() => Categories.DeleteAsync(User, theirs.Id));
    }

    [Fact]
    public async Task ACategoryInUseCannotBeDeletedUntilNoExpenseUsesIt()
    {
        var pets = await Categories.AddAsync(User, "Pets");
        var food = await Expenses.AddExpenseAsync(User, Draft("2026-03-10", 100, pets.Id));
        var vet = await Expenses.AddExpenseAsync(User, Draft("2026-03-11", 900, pets.Id));

        var refused = await Assert.ThrowsAsync<CategoryInUseException>(() => Categories.DeleteAsync(User, pets.Id));
        Assert.Equal(2, refused.ExpenseCount);

        await Expenses.UpdateAsync(User, food.Id, food.Version, Draft("2026-03-10", 100, "food"));
        Assert.Equal(1, (await Assert.ThrowsAsync<CategoryInUseException>(() => Categories.DeleteAsync(User, pets.Id))).ExpenseCount);

        await Expenses.DeleteAsync(User, vet.Id);
        await Categories.DeleteAsync(User, pets.Id);

        Assert.Empty(await Categories.ListCustomAsync(User));
        Assert.Equal("Pets", (await Categories.AddAsync(User, "Pets")).Name);
    }

    [Fact]
    public async Task ACategoryAnotherUserUsesCanStillBeDeleted()
    {
        var pets = await Categories.AddAsync(User, "Pets");
        await Expenses.AddAsync(NewUserId(), Draft("2026-03-10", 100, pets.Id));

        await Categories.DeleteAsync(User, pets.Id);

        Assert.Empty(await Categories.ListCustomAsync(User));
    }

    [Fact]
    public async Task OddCharactersInNamesAreStoredAsWritten()
    {
        string[] names = ["Café & Bar", "a#b", "🎉 Party", "Ünïcödé", "\"Quotes\"", "<b>bold</b>", "CATEGORY#x", "100% _off_", "किराना"];
        foreach (var name in names)
        {
            await Categories.AddAsync(User, name);
        }

        Assert.Equal(names.Order(StringComparer.Ordinal), (await Categories.ListCustomAsync(User)).Select(category => category.Name).Order(StringComparer.Ordinal));
        await Assert.ThrowsAsync<DuplicateNameException>(() => Categories.AddAsync(User, "CAFÉ & BAR"));
        await Assert.ThrowsAsync<DuplicateNameException>(() => Categories.AddAsync(User, "ünïcödé"));
    }
}
