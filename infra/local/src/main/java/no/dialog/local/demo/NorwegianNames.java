package no.dialog.local.demo;

import java.util.List;

/** Common Norwegian names and places, for synthetic contacts that look like a real member register. */
final class NorwegianNames {

    static final List<String> WOMEN = List.of("Anne", "Inger", "Kari", "Marit", "Ingrid", "Liv", "Eva", "Berit",
            "Astrid", "Bjørg", "Hilde", "Anna", "Solveig", "Marianne", "Randi", "Ida", "Nina", "Maria", "Elisabeth",
            "Kristin", "Nora", "Emma", "Sofie", "Ingeborg", "Sara", "Thea", "Silje", "Camilla", "Tone", "Siri");
    static final List<String> MEN = List.of("Jan", "Per", "Bjørn", "Ole", "Lars", "Kjell", "Knut", "Arne", "Svein",
            "Thomas", "Hans", "Geir", "Tor", "Morten", "Terje", "Odd", "Erik", "Martin", "Andreas", "John", "Anders",
            "Jonas", "Magnus", "Henrik", "Sindre", "Emil", "Jakob", "Fredrik", "Håkon", "Øystein");
    static final List<String> SURNAMES = List.of("Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen",
            "Nilsen", "Kristiansen", "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
            "Johannessen", "Andreassen", "Jacobsen", "Dahl", "Jørgensen", "Halvorsen", "Henriksen", "Lund",
            "Sørensen", "Moen", "Gundersen", "Iversen", "Strand", "Solberg", "Svendsen", "Eide", "Knutsen",
            "Martinsen", "Paulsen", "Bakken", "Mathisen", "Lie", "Amundsen", "Nguyen", "Rasmussen", "Ali", "Lunde",
            "Solheim", "Berge", "Moe", "Nygård", "Bakke", "Aas", "Øien");
    static final List<String> STREETS = List.of("Storgata", "Kirkegata", "Skolegata", "Parkveien", "Granveien",
            "Bjørkeveien", "Furuveien", "Solbakken", "Kongens gate", "Dronningens gate", "Strandveien", "Fjellveien",
            "Elvegata", "Torget", "Sjøgata", "Lyngveien", "Eikeveien", "Havnegata", "Bakkegata", "Nedre gate");

    /** Real postcode and post town pairs; the town doubles as the local chapter. */
    record Place(String postcode, String city) {}

    static final List<Place> PLACES = List.of(new Place("0150", "Oslo"), new Place("0557", "Oslo"),
            new Place("0661", "Oslo"), new Place("5003", "Bergen"), new Place("5031", "Bergen"),
            new Place("7011", "Trondheim"), new Place("7030", "Trondheim"), new Place("4006", "Stavanger"),
            new Place("9008", "Tromsø"), new Place("8006", "Bodø"), new Place("3015", "Drammen"),
            new Place("1606", "Fredrikstad"), new Place("2317", "Hamar"), new Place("6002", "Ålesund"),
            new Place("4611", "Kristiansand"), new Place("3511", "Hønefoss"), new Place("2609", "Lillehammer"),
            new Place("1530", "Moss"), new Place("3117", "Tønsberg"), new Place("9510", "Alta"));

    static final List<String> ROLES = List.of("board-member", "chapter-leader", "treasurer", "youth-contact");
    static final List<String> VOLUNTEER_AREAS = List.of("collection", "events", "visiting-service", "first-aid",
            "homework-help", "advocacy");
    static final List<String> EMAIL_DOMAINS = List.of("example.org", "example.com", "example.net");

    private NorwegianNames() {}
}
