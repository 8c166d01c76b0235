package no.dialog.local.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import no.dialog.aws.dynamodb.DynamoDbTenantDirectory;
import no.dialog.aws.payment.DynamoDbPaymentLedger;
import no.dialog.core.time.OsloTime;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.local.sandbox.VippsSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The local stack's demo organisation: the {@code demo} tenant and its synthetic contacts
 * ({@link DemoContacts}), which arrive through the real pipeline: the contact file is put in the imports
 * bucket, its S3 notification goes to the imports queue, the sync function stores the contacts and writes
 * the import report next to the file ({@link #FILE_KEY}{@code .report.json}).
 *
 * <p>On the first start the tenant is created and the file uploaded. On a later start with the same data
 * folder nothing happens, unless the report is missing: then the stack was stopped during the import
 * (the queue's messages are not kept between runs, so it would never finish) and the file is uploaded
 * again; contacts already stored count as unchanged.
 */
public final class DemoOrganisation {

    private static final Logger LOG = LoggerFactory.getLogger(DemoOrganisation.class);

    public static final TenantId TENANT = TenantId.of("demo");
    /** Where the demo contact file goes in the imports bucket. */
    public static final String FILE_KEY = "demo/contacts/demo-organisation.ndjson";
    /** Its import report, written by the sync function when the import has finished. */
    public static final String REPORT_KEY = FILE_KEY + ".report.json";

    private final DynamoDbClient dynamoDb;
    private final String tenantsTable;
    private final S3Client s3;
    private final String importsBucket;
    private final Clock clock;

    public DemoOrganisation(DynamoDbClient dynamoDb, String tenantsTable, S3Client s3, String importsBucket, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tenantsTable = tenantsTable;
        this.s3 = s3;
        this.importsBucket = importsBucket;
        this.clock = clock;
    }

    /**
     * Creates the demo tenant and uploads its contacts unless they are there already.
     *
     * @param contacts  how many synthetic contacts; 0 or less: no demo organisation
     * @param emailFrom the tenant's {@code email.from} (a domain the SES sandbox treats as verified)
     */
    public void ensure(int contacts, String emailFrom) {
        ensure(contacts, 0, null, emailFrom);
    }

    /**
     * As {@link #ensure(int, String)}, with {@code planted} more people whose history follows planted probabilities
     * ({@link PlantedPeople}): their contacts follow the demo contacts in the file, and their payments are put in the
     * ledger ({@code paymentsTable}) before the file is uploaded, so an import that has finished always has them.
     */
    public void ensure(int contacts, int planted, String paymentsTable, String emailFrom) {
        if (contacts <= 0) {
            return;
        }
        var directory = new DynamoDbTenantDirectory(dynamoDb, tenantsTable);
        Map<String, String> settings = new LinkedHashMap<>(Map.of("email.from", emailFrom));
        // The demo merchant in the Vipps sandbox (vipps.* keys), so gifts can be clicked through locally.
        settings.putAll(VippsSandbox.demoTenantSettings());
        boolean created = directory.createIfAbsent(new Tenant(TENANT, "Demo Organisation", clock.instant(), settings));
        if (!created) {
            if (importFinished()) {
                return;
            }
            LOG.info("the demo organisation's import did not finish in the last run; its contacts are imported again");
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try {
            DemoContacts.writeNdjson(contacts, file);
            if (planted > 0) {
                PlantedHistory.load(new PlantedPeople(OsloTime.today(clock)), planted, DemoContacts.phones(contacts),
                        new DynamoDbPaymentLedger(dynamoDb, paymentsTable), TENANT, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        s3.putObject(b -> b.bucket(importsBucket).key(FILE_KEY), RequestBody.fromBytes(file.toByteArray()));
        LOG.info("{}{} synthetic contacts are being imported", created ? "demo tenant created; " : "", contacts + planted);
    }

    private boolean importFinished() {
        try {
            s3.headObject(b -> b.bucket(importsBucket).key(REPORT_KEY));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
