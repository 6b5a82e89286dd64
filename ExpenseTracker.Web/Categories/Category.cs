namespace ExpenseTracker.Web.Categories;

/// <summary>A category an expense belongs to. Built-in ones are the same for everybody and cannot be changed.</summary>
public sealed record Category(string Id, string Name, bool IsBuiltIn = false);
