import factory

from alliances.studies.enums import StudyStatus, SurveyMode
from alliances.studies.models import AnswerOption, Question, Study, Wave


class StudyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Study

    slug = factory.Sequence(lambda n: f"etude-{n}")
    title_fr = factory.Sequence(lambda n: f"Baromètre {n}")
    title_en = factory.Sequence(lambda n: f"Barometer {n}")
    population_fr = "Français de 18 ans et plus"
    population_en = "French people aged 18 and over"
    organisation = "Institut d'essai"
    mode = SurveyMode.ONLINE
    status = StudyStatus.DRAFT

    class Params:
        published = factory.Trait(status=StudyStatus.PUBLISHED)


class WaveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wave

    study = factory.SubFactory(StudyFactory)
    number = factory.Sequence(lambda n: n + 1)
    label = factory.LazyAttribute(lambda wave: f"Vague {wave.number}")


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    study = factory.SubFactory(StudyFactory)
    variable = factory.Sequence(lambda n: f"q{n}")
    text_fr = "Question ?"
    text_en = "Question?"


class AnswerOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnswerOption

    question = factory.SubFactory(QuestionFactory)
    code = factory.Sequence(lambda n: str(n))
    label_fr = factory.LazyAttribute(lambda option: f"Réponse {option.code}")
