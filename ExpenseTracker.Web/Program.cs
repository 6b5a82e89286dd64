using ExpenseTracker.Web.Accounts;
using ExpenseTracker.Web.Alerts;
using ExpenseTracker.Web.Clock;
using ExpenseTracker.Web.StaticAssets;
using ExpenseTracker.Web.Storage;

var builder = WebApplication.CreateBuilder(args);

// "Today" is the user's date (India by default), not the server's.
builder.Services.AddAppClock(builder.Configuration);
// Whose data a request reads and writes.
builder.Services.AddCurrentUser();
// SQLite by default; the provider is chosen by the Storage section.
builder.Services.AddStorage(builder.Configuration);
// Budgets, the alerts each write raises, and their delivery (a log Warning locally; SNS through a Pipe in AWS).
builder.Services.AddBudgetAlerts();
// Store failures become ProblemDetails with a 4xx/503 status instead of a 500.
builder.Services.AddProblemDetails();
// Pages and the htmx fragments they return; htmx sends the antiforgery token in this header.
builder.Services.AddRazorPages();
builder.Services.AddAntiforgery(options => options.HeaderName = "RequestVerificationToken");
// CSS and JavaScript under one prefix, served from S3/CloudFront in AWS.
builder.Services.AddStaticAssets();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticAssetFolder();
app.MapRazorPages();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
