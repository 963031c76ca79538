"""Default wording of the clauses of a donation agreement (convention de don), in French: the
document both parties sign is French. Each clause answers one item that the code de
l'environnement asks the agreement to state (décret n° 2016-1962, former art. D. 543-307; see
the readme). The user edits them on the draft agreement."""

CLAUSE_DEFAULTS = {
    "clause_sorting": (
        "Le donateur effectue le tri des denrées avant le don. Il ne propose que des denrées "
        "propres à la consommation, dont l'étiquetage comporte les mentions obligatoires du "
        "règlement (UE) n° 1169/2011. Les denrées soumises à une date limite de consommation "
        "(DLC) ont, au jour de leur prise en charge par l'association, au moins 48 heures avant "
        "l'expiration de cette date, sauf si l'association justifie pouvoir les redistribuer "
        "avant son expiration. Les denrées exclues du don par la réglementation (arrêté du "
        "7 janvier 2021) ne sont pas proposées."
    ),
    "clause_refusal": (
        "L'association peut refuser tout ou partie du don, notamment lorsque ses capacités de "
        "transport, de stockage ou ses possibilités de distribution ne sont pas suffisantes, "
        "lorsqu'après contrôle visuel les denrées paraissent impropres à la consommation, ou "
        "lorsque les exigences réglementaires d'hygiène et de sécurité sanitaire ne sont pas "
        "respectées (chaîne du froid rompue, emballage endommagé, date dépassée ou trop "
        "proche, étiquetage incomplet). Les denrées refusées sont notées sur le bon "
        "d'enlèvement et restent sous la responsabilité du donateur."
    ),
    "clause_pickup": (
        "L'association enlève les denrées au lieu, aux jours et aux heures convenus entre les "
        "parties (à préciser : jours, heures, lieu de remise, fréquence). Chaque enlèvement "
        "donne lieu à un bon d'enlèvement daté, établi en deux exemplaires et signé par le "
        "donateur et par le chauffeur de l'association, qui liste les denrées remises "
        "(nature, quantités, poids, lots et dates) et, le cas échéant, les denrées refusées."
    ),
    "clause_transport": (
        "L'association transporte les denrées dans des véhicules propres et adaptés, en "
        "respectant la chaîne du froid : denrées réfrigérées à +4 °C au plus, denrées "
        "surgelées à -18 °C au plus, en caissons isothermes ou véhicules frigorifiques. La "
        "température des denrées réfrigérées et surgelées est relevée à l'enlèvement et "
        "notée sur le bon d'enlèvement."
    ),
    "clause_storage": (
        "L'association stocke les denrées dans des locaux propres, à l'abri des nuisibles, et "
        "à la température requise pour chaque denrée (sec, froid positif, froid négatif), en "
        "respectant le premier périmé, premier sorti. Elle tient le registre des températures "
        "de ses chambres froides."
    ),
    "clause_responsibility": (
        "Le donateur est responsable des denrées, de leur tri et de leur conservation jusqu'à "
        "leur remise. La responsabilité des denrées est transférée à l'association au moment "
        "de l'enlèvement, constaté par la signature du bon d'enlèvement. L'association est "
        "ensuite responsable de leur transport, de leur stockage et de leur distribution, dans "
        "le respect des règles d'hygiène et de sécurité sanitaire."
    ),
    "clause_traceability": (
        "Les parties assurent la traçabilité des denrées conformément à l'article 18 du "
        "règlement (CE) n° 178/2002 : le bon d'enlèvement mentionne pour chaque denrée sa "
        "nature, sa quantité, son poids, son numéro de lot et sa date (DLC ou DDM). "
        "L'association enregistre les lots à la réception et sait à quelle épicerie chaque "
        "lot a été remis. En cas de retrait ou de rappel d'un produit, le donateur en informe "
        "l'association sans délai, et l'association retire les lots concernés et informe les "
        "épiceries qui les ont reçus."
    ),
    "clause_tax_receipt": (
        "Pour permettre au donateur de justifier de son don auprès de l'administration "
        "fiscale (article 238 bis du code général des impôts), l'association lui délivre un "
        "reçu fiscal conforme au modèle en vigueur, sur la base des bons d'enlèvement signés et "
        "de la valorisation des denrées fournie par le donateur sous sa responsabilité (prix "
        "de revient). Le reçu est établi pour chaque don ou une fois par an, selon le choix du "
        "donateur."
    ),
}

# Added to the pickup clause when the donor has a pickup schedule noted.
PICKUP_SCHEDULE = "Jours et heures convenus : %s."
