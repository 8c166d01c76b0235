package no.dialog.aws.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The Lambda context of one invocation in handler tests: a request id, the rest fixed or absent. */
public final class TestLambdaContext {

    private TestLambdaContext() {}

    public static Context withRequestId(String requestId) {
        return new Context() {
            public String getAwsRequestId() {
                return requestId;
            }
            public String getLogGroupName() {
                return null;
            }
            public String getLogStreamName() {
                return null;
            }
            public String getFunctionName() {
                return "dialog-test";
            }
            public String getFunctionVersion() {
                return null;
            }
            public String getInvokedFunctionArn() {
                return null;
            }
            public CognitoIdentity getIdentity() {
                return null;
            }
            public ClientContext getClientContext() {
                return null;
            }
            public int getRemainingTimeInMillis() {
                return 1000;
            }
            public int getMemoryLimitInMB() {
                return 512;
            }
            public LambdaLogger getLogger() {
                return null;
            }
        };
    }
}
