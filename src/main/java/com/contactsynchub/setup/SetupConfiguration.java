package com.contactsynchub.setup;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.contactsynchub.numberseries.NumberSeriesProperties;
import com.contactsynchub.numberseries.NumberSeriesRepository;

@Configuration(proxyBeanMethods = false)
class SetupConfiguration {

    @Bean
    SetupLoader setupLoader(SetupProperties setup, NumberSeriesProperties numberSeries, SetupRepository repository,
            NumberSeriesRepository numberSeriesRepository, PlatformTransactionManager transactionManager) {
        return new SetupLoader(setup, numberSeries.numberSeries(), repository, numberSeriesRepository,
                transactionManager);
    }

    /**
     * Loads the setup once every bean exists and before the context is refreshed, i.e. before Camel starts its
     * routes, so no route ever reads a setup that the configuration is about to replace.
     */
    @Bean
    SmartInitializingSingleton loadSetupAtStart(SetupLoader loader) {
        return loader::load;
    }
}
