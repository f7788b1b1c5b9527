package com.contactsynchub.setup;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.contactsynchub.api.InvalidRequestException;
import com.contactsynchub.link.BusinessRelationCodes;
import com.contactsynchub.link.LinkType;
import com.contactsynchub.numberseries.NumberSeriesRepository;

/**
 * The hub's Marketing Setup for every feature: read it here, change it here.
 * <p>
 * Caching: the setup is kept in memory together with its version, and each read first reads the version column
 * of the single setup row (one primary-key lookup). Any change, by this or another hub instance sharing the
 * database, raises that version in the transaction that makes it, so a read never returns a setup older than the
 * last committed change; the full setup is only read again when the version moved. A TTL was not chosen because
 * it would let instances disagree for the length of the TTL.
 */
@Service
public class SetupService implements BusinessRelationCodes {

    private record Cached(long version, MarketingSetup setup) {
    }

    private final SetupRepository repository;
    private final NumberSeriesRepository numberSeries;
    private final TransactionTemplate transaction;
    private volatile Cached cached;

    public SetupService(SetupRepository repository, NumberSeriesRepository numberSeries,
            PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.numberSeries = numberSeries;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The current setup; {@link MarketingSetup#empty()} while none is stored. */
    public MarketingSetup current() {
        Optional<Long> version = repository.version();
        if (version.isEmpty()) {
            return MarketingSetup.empty();
        }
        Cached c = cached;
        if (c != null && c.version() == version.get()) {
            return c.setup();
        }
        MarketingSetup loaded = repository.load().orElseGet(MarketingSetup::empty);
        if (loaded.version() != null) {
            cached = new Cached(loaded.version(), loaded);
        }
        return loaded;
    }

    /** The business relation code for links of this type; empty when that link type is switched off. */
    @Override
    public Optional<String> businessRelationCode(LinkType type) {
        MarketingSetup setup = current();
        return Optional.ofNullable(switch (type) {
            case CUSTOMER -> setup.busRelCodeForCustomers();
            case VENDOR -> setup.busRelCodeForVendors();
            case BANK_ACCOUNT -> setup.busRelCodeForBankAccounts();
        });
    }

    /** Contact Nos.: the number series new contacts are numbered from. */
    public Optional<String> contactNos() {
        return Optional.ofNullable(current().contactNos());
    }

    /** Customer Nos., Vendor Nos. or Bank Account Nos.: the series for records the hub asks finance to create. */
    public Optional<String> recordNos(LinkType type) {
        MarketingSetup setup = current();
        return Optional.ofNullable(switch (type) {
            case CUSTOMER -> setup.customerNos();
            case VENDOR -> setup.vendorNos();
            case BANK_ACCOUNT -> setup.bankAccountNos();
        });
    }

    /** A customer or vendor template by code (case-insensitive, as BC codes are). */
    public Optional<RecordTemplate> template(TemplateKind kind, String code) {
        String normalised = SetupValidator.normaliseCode(code);
        return current().templates(kind).stream().filter(t -> t.code().equals(normalised)).findFirst();
    }

    /** The interaction template code to log for this document type; empty means nothing is logged. */
    public Optional<String> interactionTemplate(DocumentType documentType) {
        return Optional.ofNullable(current().interactionTemplates().get(documentType.wireName()));
    }

    public ConflictPolicy conflictPolicy() {
        return ConflictPolicy.fromWireName(current().conflictPolicy()).orElse(ConflictPolicy.LATEST_WINS);
    }

    /**
     * Replaces the whole setup after checking all of it.
     *
     * @throws InvalidRequestException listing every problem, each naming its field
     */
    public MarketingSetup replace(MarketingSetup input) {
        MarketingSetup valid = validator().validate(input);
        transaction.executeWithoutResult(status -> repository.replace(valid));
        return current();
    }

    /** Creates or replaces one template; returns whether it was created. */
    public boolean putTemplate(TemplateKind kind, String code, RecordTemplate input) {
        RecordTemplate valid = validator().validateTemplate(kind, code, input);
        Boolean created = transaction.execute(status -> {
            requireSetupRow();
            boolean existed = repository.deleteTemplate(kind, valid.code());
            repository.putTemplate(kind, valid);
            return !existed;
        });
        return Boolean.TRUE.equals(created);
    }

    /** Deletes one template; returns whether it existed. */
    public boolean deleteTemplate(TemplateKind kind, String code) {
        String normalised = SetupValidator.normaliseCode(code);
        Boolean deleted = transaction.execute(status -> {
            requireSetupRow();
            boolean existed = repository.deleteTemplate(kind, normalised);
            if (!existed) {
                status.setRollbackOnly(); // nothing changed, so the version need not move
            }
            return existed;
        });
        return Boolean.TRUE.equals(deleted);
    }

    private void requireSetupRow() {
        if (!repository.lockForChange()) {
            // A template change must raise the version other instances check; without a setup row there is none.
            repository.replace(MarketingSetup.empty());
            repository.lockForChange();
        }
    }

    private SetupValidator validator() {
        return new SetupValidator(numberSeries::exists);
    }
}
