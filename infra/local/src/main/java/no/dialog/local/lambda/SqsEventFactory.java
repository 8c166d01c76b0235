package no.dialog.local.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Turns received SQS messages into the {@link SQSEvent} Lambda would hand the function.
 *
 * <p>Field by field as Lambda does it: system attributes as strings (ApproximateReceiveCount,
 * SentTimestamp, SenderId, ApproximateFirstReceiveTimestamp, and the FIFO ones when present), message
 * attributes with their data type and value, empty list values rather than missing ones, and
 * {@code eventSource} {@code aws:sqs}.
 */
final class SqsEventFactory {

  private SqsEventFactory() {}

  static SQSEvent toEvent(List<Message> messages, String queueArn) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>(messages.size());
    for (Message message : messages) {
      records.add(toRecord(message, queueArn));
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  private static SQSEvent.SQSMessage toRecord(Message message, String queueArn) {
    SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
    record.setMessageId(message.messageId());
    record.setReceiptHandle(message.receiptHandle());
    record.setBody(message.body());
    record.setMd5OfBody(message.md5OfBody());
    record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
    record.setAttributes(systemAttributes(message));
    record.setMessageAttributes(messageAttributes(message));
    record.setEventSource("aws:sqs");
    record.setEventSourceArn(queueArn);
    record.setAwsRegion(LocalAws.REGION);
    return record;
  }

  private static Map<String, String> systemAttributes(Message message) {
    Map<String, String> attributes = new LinkedHashMap<>(message.attributesAsStrings());
    // Lambda always passes SenderId; an emulator may leave it out.
    attributes.putIfAbsent("SenderId", LocalAws.ACCOUNT_ID);
    return attributes;
  }

  private static Map<String, SQSEvent.MessageAttribute> messageAttributes(Message message) {
    Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
    message.messageAttributes().forEach((name, value) -> attributes.put(name, toAttribute(value)));
    return attributes;
  }

  private static SQSEvent.MessageAttribute toAttribute(MessageAttributeValue value) {
    SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
    attribute.setDataType(value.dataType());
    attribute.setStringValue(value.stringValue());
    attribute.setBinaryValue(value.binaryValue() == null ? null : toByteBuffer(value.binaryValue()));
    attribute.setStringListValues(new ArrayList<>(value.stringListValues()));
    List<ByteBuffer> binaryList = new ArrayList<>();
    value.binaryListValues().forEach(bytes -> binaryList.add(toByteBuffer(bytes)));
    attribute.setBinaryListValues(binaryList);
    return attribute;
  }

  private static ByteBuffer toByteBuffer(SdkBytes bytes) {
    return ByteBuffer.wrap(bytes.asByteArray());
  }
}
