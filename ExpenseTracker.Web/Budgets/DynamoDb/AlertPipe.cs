
namespace ExpenseTracker.Web.Budgets.DynamoDb;

/// <summary>
/// The EventBridge Pipe that emails alerts in AWS: DynamoDB stream → filter → SNS topic, with no SNS SDK in the app.
/// template.yaml must use exactly these two values (docs/alerts-pipe.md shows where they go); the tests evaluate
/// them against the item shape of <see cref="AlertOutboxItem"/>.
/// </summary>
public static class AlertPipe
{
    /// <summary>
    /// FilterCriteria pattern: only inserts (an alert is never updated into existence, and a repeat of the same
    /// alert writes nothing), only items keyed ALERT# and typed BudgetAlert, and not the alerts a restore brings
    /// back (marked Restored: they were emailed when they were first raised).
    /// </summary>
    public const string FilterPattern =
        """
        {
          "eventName": ["INSERT"],
          "dynamodb": {
            "Keys": { "SK": { "S": [{ "prefix": "ALERT#" }] } },
            "NewImage": { "Type": { "S": ["BudgetAlert"] }, "Restored": [{ "exists": false }] }
          }
        }
        """;

    /// <summary>
    /// The SNS message: the alert's own sentence, then one line of context. A dynamic string (free text with a path
    /// in angle brackets), so the message arrives as plain text rather than JSON.
    /// </summary>
    public const string InputTemplate =
        "<$.dynamodb.NewImage.Message.S> You get one email each time your spending crosses a budget line; the Alerts page of the app lists them all.";
}
