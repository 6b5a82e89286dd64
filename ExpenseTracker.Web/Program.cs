using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Api;
using ExpenseTracker.Web.Clock;
using ExpenseTracker.Web.Expenses;
using ExpenseTracker.Web.StaticAssets;
using ExpenseTracker.Web.Storage;
using ExpenseTracker.Web.Summaries;

var builder = WebApplication.CreateBuilder(args);

// "Today" is the user's date (India by default), not the server's.
builder.Services.AddAppClock(builder.Configuration);
// Whose data a request reads and writes.
builder.Services.AddCurrentUser();
// SQLite by default; the provider is chosen by the Storage section.
builder.Services.AddStorage(builder.Configuration);
// Store failures become ProblemDetails with a 4xx/503 status instead of a 500.
builder.Services.AddProblemDetails();
// Pages and the htmx fragments they return; htmx sends the antiforgery token in this header.
builder.Services.AddRazorPages();
builder.Services.AddAntiforgery(options => options.HeaderName = "RequestVerificationToken");
// CSS and JavaScript under one prefix, served from S3/CloudFront in AWS.
builder.Services.AddStaticAssets();
// The OpenAPI document, and requests the JSON endpoints cannot bind answered with a 400 that says why.
builder.Services.AddJsonApi();
// Spending by category, day and month for the charts, from the stored daily totals.
builder.Services.AddSummaries();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticAssetFolder();
app.MapRazorPages();
// The OpenAPI document of the JSON endpoints, at /openapi/v1.json.
app.MapOpenApi();
// GET /api/summaries/by-category, /by-day, /by-month.
app.MapSummaries();
// The JSON REST API: /api/expenses.
app.MapExpensesApi();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
