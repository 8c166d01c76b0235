package no.dialog.local.lambda;

/**
 * The fixed account and region the local stack pretends to run in.
 *
 * <p>ARNs and events carry them so handlers see the same shapes as in AWS. The account id is the
 * all-zero placeholder that emulators commonly use, so it can never be mistaken for a real account.
 */
public final class LocalAws {

  /** Account id used in every local ARN and in {@code requestContext.accountId}. */
  public static final String ACCOUNT_ID = "000000000000";

  /** Region used in every local ARN and in {@code awsRegion} of SQS records. */
  public static final String REGION = "eu-north-1";

  private LocalAws() {}

  /** The ARN Lambda would give a function of this name. */
  public static String functionArn(String functionName) {
    return "arn:aws:lambda:" + REGION + ":" + ACCOUNT_ID + ":function:" + functionName;
  }
}
