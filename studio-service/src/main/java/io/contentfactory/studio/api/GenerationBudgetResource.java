package io.contentfactory.studio.api;

import io.contentfactory.kit.tenancy.CallerProject;
import io.contentfactory.studio.service.GenerationService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code /v1/generation-budget}: what the project may spend on generation per calendar month (UTC). */
@Authenticated
@Path("/v1/generation-budget")
@Produces(MediaType.APPLICATION_JSON)
public class GenerationBudgetResource {

    private final GenerationService generations;
    private final CallerProject caller;

    GenerationBudgetResource(GenerationService generations, CallerProject caller) {
        this.generations = generations;
        this.caller = caller;
    }

    @Schema(name = "GenerationBudgetChange")
    public record BudgetChange(
            @Schema(description = "US dollars per calendar month (UTC)", required = true)
            @NotNull
            @DecimalMin("0")
            @DecimalMax("1000000")
            BigDecimal monthlyUsd) {}

    /**
     * @param committedUsd what this month's generations cost, or may still cost while they run
     * @param own          false while the project uses the installation's default
     */
    @Schema(name = "GenerationBudget")
    public record BudgetView(
            String month, BigDecimal monthlyUsd, BigDecimal committedUsd, BigDecimal leftUsd, boolean own) {

        static BudgetView of(GenerationService.MonthlyBudget budget) {
            return new BudgetView(
                    budget.month().toString(),
                    budget.monthly().stripTrailingZeros(),
                    budget.committed().stripTrailingZeros(),
                    budget.left().stripTrailingZeros(),
                    budget.ownBudget());
        }
    }

    @GET
    @Operation(operationId = "getGenerationBudget", summary = "This month's generation budget and what is committed")
    public Uni<BudgetView> get() {
        return generations.monthlyBudget(caller.id()).map(BudgetView::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setGenerationBudget", summary = "Set the project's monthly generation budget")
    public Uni<BudgetView> set(@Valid @NotNull BudgetChange change) {
        return generations.setMonthlyBudget(caller.id(), change.monthlyUsd()).map(BudgetView::of);
    }
}
