using Amazon.DynamoDBv2;

namespace ExpenseTracker.Web.Storage.DynamoDb;

/// <summary>The app's one DynamoDB table and the client that reaches it: what every DynamoDB store is built on.</summary>
public sealed record AppTable(IAmazonDynamoDB Client, string Name);
