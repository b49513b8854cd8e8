package org.amamo.application;

/**
 * How an area component's extent and cover were surveyed (seed 002, 手法：面積 and 手法：吸収係数): an application
 * records one or more per area component. Stored and exchanged by the constant's name; names in the bundles as
 * {@code survey.method.DRONE}.
 */
public enum SurveyMethod {
    /** Aerial drone (空中ドローン). */
    DRONE,
    /** Underwater photo or video (水中写真・動画). */
    UNDERWATER_PHOTO,
    /** Acoustic survey, e.g. side-scan or multibeam sonar (音響). */
    ACOUSTIC,
    /** Aerial photo from an aircraft (航空写真). */
    AERIAL_PHOTO,
    /** Satellite imagery (人工衛星). */
    SATELLITE,
    /** Diver or walk survey along the bed's edge (潜水・踏査). */
    DIVER_WALK,
    /** Quadrat sampling or harvest of a unit area (坪刈り). */
    QUADRAT,
    /** Any other method, described in the area basis. */
    OTHER;

    /** The method named {@code code}, or null when there is none of that name. */
    public static SurveyMethod of(String code) {
        for (SurveyMethod method : values()) {
            if (method.name().equals(code)) {
                return method;
            }
        }
        return null;
    }
}
