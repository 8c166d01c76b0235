package no.dialog.aws.config;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Sends S3 uploads without {@code Expect: 100-continue}, which the S3 client adds to every PutObject. Dialog's
 * uploads are small (a PDF, a CSV, a snapshot of a few MB), so the extra round trip buys nothing; and when the
 * server has closed a kept-alive connection, the URL-connection client's handling of that header throws an
 * error the SDK does not retry ("Unexpected end of file from server"), where a plain PUT fails with one it does.
 * SDK 2.39 has no setting for it (S3Configuration.expectContinueEnabled came later); this runs after the S3
 * client's own interceptor, as client interceptors do.
 */
public final class NoExpectContinue implements ExecutionInterceptor {

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        return request.firstMatchingHeader("Expect").isPresent()
                ? request.toBuilder().removeHeader("Expect").build() : request;
    }
}
