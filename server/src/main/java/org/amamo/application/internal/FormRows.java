package org.amamo.application.internal;

import java.util.List;
import java.util.function.Supplier;

/**
 * Adds and removes the form's repeated rows without JavaScript: {@code add=plant}, {@code add=component:0}
 * (a component in year 0), {@code remove=holder:2}, {@code remove=vessel:0:1} (vessel 1 of year 0).
 * Never more than {@link ApplicationForm#MAX_ROWS} rows of a kind.
 */
final class FormRows {

    private FormRows() {}

    static void change(ApplicationForm form, String add, String remove) {
        if (add != null) {
            add(form, add.split(":"));
        }
        if (remove != null) {
            remove(form, remove.split(":"));
        }
    }

    private static void add(ApplicationForm form, String[] target) {
        switch (target[0]) {
            case "plant" -> append(form.getPlants(), ApplicationForm.PlantForm::new);
            case "joint" -> append(form.getJointApplicants(), ApplicationForm.JointApplicantForm::new);
            case "holder" -> append(form.getHolders(), ApplicationForm.HolderForm::new);
            case "year" -> append(form.getSheet().getYears(), SheetForm.YearForm::new);
            case "component" ->
                year(form, target).ifPresent(year -> append(year.getComponents(), SheetForm.ComponentForm::new));
            case "vessel" -> year(form, target).ifPresent(year -> append(year.getVessels(), SheetForm.VesselForm::new));
            default -> {}
        }
    }

    private static void remove(ApplicationForm form, String[] target) {
        switch (target[0]) {
            case "plant" -> drop(form.getPlants(), index(target, 1));
            case "joint" -> drop(form.getJointApplicants(), index(target, 1));
            case "holder" -> drop(form.getHolders(), index(target, 1));
            case "year" -> drop(form.getSheet().getYears(), index(target, 1));
            case "component" -> year(form, target).ifPresent(year -> drop(year.getComponents(), index(target, 2)));
            case "vessel" -> year(form, target).ifPresent(year -> drop(year.getVessels(), index(target, 2)));
            default -> {}
        }
    }

    private static java.util.Optional<SheetForm.YearForm> year(ApplicationForm form, String[] target) {
        int index = index(target, 1);
        List<SheetForm.YearForm> years = form.getSheet().getYears();
        return index >= 0 && index < years.size()
                ? java.util.Optional.of(years.get(index))
                : java.util.Optional.empty();
    }

    private static <T> void append(List<T> rows, Supplier<T> row) {
        if (rows.size() < ApplicationForm.MAX_ROWS) {
            rows.add(row.get());
        }
    }

    private static <T> void drop(List<T> rows, int index) {
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
    }

    private static int index(String[] target, int position) {
        try {
            return target.length > position ? Integer.parseInt(target[position]) : -1;
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
