package com.contactsynchub.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.contactsynchub.api.InvalidRequestException;
import com.contactsynchub.numberseries.NumberSeriesInput;
import com.contactsynchub.numberseries.NumberSeriesRepository;

/**
 * Stores the configured number series and Marketing Setup in the database at start. Several hub instances may
 * start at once against one database: series are created with insert-or-ignore, and the first setup row is
 * claimed by its primary key, so the loser of that race finds the winner's setup.
 */
public class SetupLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SetupLoader.class);

    private final SetupProperties setup;
    private final Map<String, NumberSeriesInput> numberSeries;
    private final SetupRepository repository;
    private final NumberSeriesRepository numberSeriesRepository;
    private final TransactionTemplate transaction;

    public SetupLoader(SetupProperties setup, Map<String, NumberSeriesInput> numberSeries, SetupRepository repository,
            NumberSeriesRepository numberSeriesRepository, PlatformTransactionManager transactionManager) {
        this.setup = setup;
        this.numberSeries = numberSeries;
        this.repository = repository;
        this.numberSeriesRepository = numberSeriesRepository;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** @throws IllegalStateException when the configuration is invalid, naming every bad property */
    public void load() {
        createMissingNumberSeries();
        if (setup.load() == SetupProperties.LoadMode.IF_EMPTY && repository.version().isPresent()) {
            LOG.info("Marketing Setup already stored (hub.setup.load=if-empty): configuration not applied");
            return;
        }
        MarketingSetup valid;
        try {
            valid = new SetupValidator(numberSeriesRepository::exists).validate(setup.toSetup());
        } catch (InvalidRequestException e) {
            throw new IllegalStateException("Invalid hub.setup configuration: " + String.join("; ", e.problems()), e);
        }
        try {
            store(valid);
        } catch (DuplicateKeyException otherInstanceFirst) {
            if (setup.load() == SetupProperties.LoadMode.ALWAYS) {
                store(valid); // the row exists now, so this is an update
            }
        }
        LOG.info("Marketing Setup stored from configuration (hub.setup.load={})", setup.load());
    }

    private void store(MarketingSetup valid) {
        transaction.executeWithoutResult(status -> {
            if (setup.load() == SetupProperties.LoadMode.IF_EMPTY && repository.version().isPresent()) {
                return;
            }
            repository.replace(valid);
        });
    }

    private void createMissingNumberSeries() {
        List<String> problems = new ArrayList<>();
        numberSeries.forEach((code, input) -> input.problems(code)
                .forEach(p -> problems.add("hub.number-series." + code + "." + p)));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid hub.number-series configuration: " + String.join("; ", problems));
        }
        numberSeries.forEach((code, input) -> {
            if (numberSeriesRepository.createIfMissing(input.toSeries(code, null))) {
                LOG.info("Number series {} created from configuration", NumberSeriesInput.code(code));
            }
        });
    }
}
